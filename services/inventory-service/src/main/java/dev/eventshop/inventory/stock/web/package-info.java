/** The REST API of products: reading them and restocking, with requests, responses and their validation. */
@NullMarked
package dev.eventshop.inventory.stock.web;

import org.jspecify.annotations.NullMarked;
