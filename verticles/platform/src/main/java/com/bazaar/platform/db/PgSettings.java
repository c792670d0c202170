package com.bazaar.platform.db;

import io.vertx.core.json.JsonObject;

/** The {@code pg} section of the config. */
public record PgSettings(String host, int port, String database, String user, String password,
                         boolean createDatabase, int connectTimeoutMs, int statementTimeoutMs, int idleTimeoutSec,
                         int poolWaitTimeoutMs, int poolMaxWaiting, int pipeliningLimit,
                         int preparedStatementCacheSize, boolean logQueries, String replicaHost, int replicaPort,
                         JsonObject poolSizes) {

  public static PgSettings from(JsonObject config) {
    JsonObject pg = config.getJsonObject("pg");
    return new PgSettings(
      pg.getString("host"), pg.getInteger("port"), pg.getString("database"), pg.getString("user"),
      pg.getString("password"), pg.getBoolean("createDatabase"), pg.getInteger("connectTimeoutMs"),
      pg.getInteger("statementTimeoutMs"), pg.getInteger("idleTimeoutSec"), pg.getInteger("poolWaitTimeoutMs"),
      pg.getInteger("poolMaxWaiting"), pg.getInteger("pipeliningLimit"), pg.getInteger("preparedStatementCacheSize"),
      pg.getBoolean("logQueries"), pg.getString("replicaHost", ""), pg.getInteger("replicaPort"),
      pg.getJsonObject("poolSize"));
  }

  public int poolSize(String service) {
    return poolSizes.getInteger(service, poolSizes.getInteger("default"));
  }

  public boolean hasReplica() {
    return replicaHost != null && !replicaHost.isBlank();
  }

  public String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName
      + "?connectTimeout=" + Math.max(1, connectTimeoutMs / 1000);
  }

  public String address() {
    return host + ":" + port;
  }
}
