package com.bazaar.platform.db;

import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A Vert.x tracer that reports every SQL statement the PG client sends, with its database. Installed in the
 * {@code dev} profile to log queries, and in tests to count statements.
 */
public final class SqlStatementTracer implements VertxTracer<Object, Object> {
  private static final String QUERY_TEXT = "db.query.text";
  private static final String SYSTEM = "db.system";
  private static final Object NO_SPAN = new Object();

  private final BiConsumer<String, String> onStatement;

  /** @param onStatement receives the database name and the SQL text of each statement */
  public SqlStatementTracer(BiConsumer<String, String> onStatement) {
    this.onStatement = onStatement;
  }

  @Override
  public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
    if (request == null || tagExtractor == null) {
      return null;
    }
    Map<String, String> tags = tagExtractor.extract(request);
    String sql = tags.get(QUERY_TEXT);
    if (sql != null && "postgresql".equals(tags.get(SYSTEM))) {
      onStatement.accept(tags.get("db.namespace"), sql);
      return NO_SPAN;
    }
    return null;
  }
}
