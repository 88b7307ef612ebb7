package dev.eventshop.email;

import dev.eventshop.email.notification.application.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The test-only beans of the one shared integration-test context: a real SMTP server, and a gate in front of it. */
@TestConfiguration(proxyBeanMethods = false)
class TestHooks {

    /** One for the context, so that every test sees, and may stop and start, the server the service sends to. */
    @Bean(destroyMethod = "stop")
    static TestSmtpServer smtpServer() {
        return TestSmtpServer.startOnFreePort();
    }

    @Bean
    static DynamicPropertyRegistrar smtpServerProperties(TestSmtpServer smtpServer) {
        return registry -> {
            registry.add("spring.mail.host", () -> TestSmtpServer.HOST);
            registry.add("spring.mail.port", smtpServer::port);
        };
    }

    @Bean
    static MailGate mailGate() {
        return new MailGate();
    }

    /** Puts the gate in front of the service's mailer; open unless a test holds an order's emails. */
    @Bean
    static BeanPostProcessor mailerBehindTheGate(ObjectProvider<MailGate> gate) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Mailer mailer ? gate.getObject().guard(mailer) : bean;
            }
        };
    }
}
