package com.bazaar.platform.paging;

import com.bazaar.platform.bus.BusRequest;

/**
 * A list request's page: {@code limit} and {@code cursor} as the gateway validated them against the contract, which
 * holds the only default (20) and bounds (1 to 100) of {@code limit}.
 */
public record PageRequest(int limit, String cursor) {
  public static final int MAX_LIMIT = 100;

  public static PageRequest from(BusRequest request) {
    Object limit = request.query().getValue("limit");
    if (!(limit instanceof Number n)) {
      throw new IllegalStateException("A list request without a limit: its operation's contract gives limit no "
        + "default");
    }
    return new PageRequest(n.intValue(), request.queryString("cursor"));
  }

  /** Rows to fetch: one more than the page, to learn whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }
}
