package com.bazaar.platform.paging;

import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagingTest {

  @Test
  void a_cursor_round_trips_its_key_values() {
    String cursor = Cursor.encode("2026-11-25T10:00:00Z", "9b2f6c1e-0000-4000-8000-000000000001", 1999L);

    JsonArray keys = Cursor.decode(cursor, 3);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(keys.getString(0)).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(keys.getLong(2)).isEqualTo(1999L);
  }

  @Test
  void a_forged_or_foreign_cursor_is_a_400() {
    assertThat(catchThrowableOfType(ApiError.class, () -> Cursor.decode("not-base64!!", 2)).status()).isEqualTo(400);
    assertThat(catchThrowableOfType(ApiError.class, () -> Cursor.decode(Cursor.encode("a"), 2)).code())
      .isEqualTo("INVALID_CURSOR");
  }

  @Test
  void the_limit_is_the_one_the_gateway_validated_and_never_defaulted_here() {
    assertThat(PageRequest.from(query(new JsonObject().put("limit", 100))).limit()).isEqualTo(100);
    assertThat(catchThrowableOfType(IllegalStateException.class, () -> PageRequest.from(query(new JsonObject()))))
      .hasMessageContaining("default");
  }

  @Test
  void a_page_reports_a_next_cursor_only_when_more_rows_exist() {
    PageRequest page = new PageRequest(2, null);

    JsonObject full = Page.of(List.of("a", "b", "c"), page, s -> new JsonObject().put("v", s), s -> Cursor.encode(s));
    JsonObject last = Page.of(List.of("a", "b"), page, s -> new JsonObject().put("v", s), s -> Cursor.encode(s));

    assertThat(full.getJsonArray("items")).hasSize(2);
    assertThat(Cursor.decode(full.getString("nextCursor"), 1).getString(0)).isEqualTo("b");
    assertThat(last.getJsonArray("items")).hasSize(2);
    assertThat(last.getValue("nextCursor")).isNull();
    assertThat(last.containsKey("nextCursor")).isTrue();
  }

  private static BusRequest query(JsonObject query) {
    return new BusRequest(new JsonObject(), query, new JsonObject(), null, Principal.ANONYMOUS, null);
  }
}
