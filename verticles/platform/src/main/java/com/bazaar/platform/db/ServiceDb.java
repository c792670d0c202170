package com.bazaar.platform.db;

import io.vertx.sqlclient.Pool;

/** A service's database access: the write pool, and the read pool (a replica when configured). */
public record ServiceDb(String schema, Pool write, Pool read) {
}
