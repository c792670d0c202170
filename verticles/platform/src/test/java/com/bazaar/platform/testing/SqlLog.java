package com.bazaar.platform.testing;

import com.bazaar.platform.db.SqlStatementTracer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Every SQL statement a test's Vert.x sent, for statement-count assertions (N+1, cache hits, round trips). */
public final class SqlLog {
  private final List<String> statements = new CopyOnWriteArrayList<>();

  SqlStatementTracer tracer() {
    return new SqlStatementTracer((database, sql) -> statements.add(sql));
  }

  public void clear() {
    statements.clear();
  }

  public long count(Predicate<String> matching) {
    return statements.stream().filter(matching).count();
  }

  /** Statements that mention the given text, such as a table name. */
  public long mentioning(String text) {
    return count(sql -> sql.contains(text));
  }

  public List<String> all() {
    return List.copyOf(statements);
  }
}
