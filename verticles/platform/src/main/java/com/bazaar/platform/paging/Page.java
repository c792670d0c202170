package com.bazaar.platform.paging;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/** Builds the list body {@code {"items":[…],"nextCursor":…}} from rows fetched with {@link PageRequest#fetchSize()}. */
public final class Page {
  private Page() {
  }

  public static <R> JsonObject of(List<R> rows, PageRequest page, Function<R, JsonObject> toJson,
                                  Function<R, String> cursorOf) {
    boolean hasMore = rows.size() > page.limit();
    List<R> visible = hasMore ? rows.subList(0, page.limit()) : rows;
    JsonArray items = new JsonArray();
    for (R row : visible) {
      items.add(toJson.apply(row));
    }
    String next = hasMore ? cursorOf.apply(visible.get(visible.size() - 1)) : null;
    return new JsonObject().put("items", items).put("nextCursor", next);
  }
}
