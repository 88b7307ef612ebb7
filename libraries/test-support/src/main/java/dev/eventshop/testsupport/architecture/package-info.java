/** The architecture rules every service applies to itself. */
@NullMarked
package dev.eventshop.testsupport.architecture;

import org.jspecify.annotations.NullMarked;
