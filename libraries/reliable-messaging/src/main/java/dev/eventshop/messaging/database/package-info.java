/** What the library's bounds on every unit of work (reliable-messaging.yml) leave to the few that must outlast them. */
@NullMarked
package dev.eventshop.messaging.database;

import org.jspecify.annotations.NullMarked;
