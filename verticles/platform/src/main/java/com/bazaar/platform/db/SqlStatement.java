package com.bazaar.platform.db;

import io.vertx.sqlclient.Tuple;

/** A statement built at run time: its SQL text and its parameters. */
public record SqlStatement(String sql, Tuple params) {
}
