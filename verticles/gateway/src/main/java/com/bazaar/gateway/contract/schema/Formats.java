package com.bazaar.gateway.contract.schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The string formats the gateway asserts; any other format stays an annotation, as JSON Schema allows. */
final class Formats {
  private static final Pattern UUID_TEXT = Pattern.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Formats() {
  }

  static SchemaCheck check(String format) {
    return switch (format) {
      case "date-time" -> parsed(format, s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      case "date" -> parsed(format, s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
      case "uuid" -> parsed(format, s -> {
        if (!UUID_TEXT.matcher(s).matches()) {
          throw new IllegalArgumentException();
        }
        return UUID.fromString(s);
      });
      default -> null;
    };
  }

  private interface Parser {
    Object parse(String value);
  }

  private static SchemaCheck parsed(String format, Parser parser) {
    return (value, path, problems) -> {
      if (value instanceof String s) {
        try {
          parser.parse(s);
        } catch (DateTimeParseException | IllegalArgumentException e) {
          problems.add(new SchemaCheck.Problem(path, "must be a " + format));
        }
      }
    };
  }
}
