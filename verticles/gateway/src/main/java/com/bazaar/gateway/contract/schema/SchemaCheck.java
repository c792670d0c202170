package com.bazaar.gateway.contract.schema;

import java.util.List;

/** A compiled JSON Schema: checks a decoded JSON value and adds what is wrong with it to {@code problems}. */
@FunctionalInterface
public interface SchemaCheck {
  int MAX_PROBLEMS = 20;

  void check(Object value, String path, List<Problem> problems);

  record Problem(String field, String problem) {
  }

  /** The problems of a value, at most {@link #MAX_PROBLEMS}; empty when it is valid. */
  default List<Problem> problems(Object value) {
    List<Problem> problems = new java.util.ArrayList<>();
    check(value, "", problems);
    return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
  }
}
