package com.bazaar.app.guards;

/**
 * How to call one operation with real data: it creates what the call needs (fresh for every call, so a delete or
 * a disable never touches what another call uses) and answers the call, made as {@code caller}.
 */
@FunctionalInterface
interface Fixture {
  Call prepare(Actors actors, Caller caller);
}
