package dev.eventshop.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the HTTP edge, under {@code eventshop.web}. */
@ConfigurationProperties("eventshop.web")
public class ServiceWebProperties {

    /** The largest request body accepted; larger ones get {@code 413}. 64 KiB fits a hundred order lines many times. */
    private DataSize maxRequestBody = DataSize.ofKilobytes(64);

    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }
}
