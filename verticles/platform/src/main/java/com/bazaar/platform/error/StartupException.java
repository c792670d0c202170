package com.bazaar.platform.error;

/** A start-up failure whose message alone tells the operator what is wrong and what to do. */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message, null, false, false);
  }
}
