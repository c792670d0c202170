package com.bazaar.notification;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** What one event tells one user. */
record Notice(UUID userId, String title, String body, JsonObject data) {
}
