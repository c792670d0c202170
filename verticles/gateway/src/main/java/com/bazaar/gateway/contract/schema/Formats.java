package com.bazaar.gateway.contract.schema;

import com.bazaar.platform.Ids;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats the gateway asserts, exactly as RFC 3339 and RFC 4122 write them; any other format stays an
 * annotation, as JSON Schema allows. Java's ISO parsers are wider than RFC 3339 (they take {@code +10043-04-11}
 * and a date-time without seconds), so the grammar is checked here and the calendar by {@link LocalDate}.
 */
final class Formats {
  private static final Pattern FULL_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern DATE_TIME = Pattern.compile(
    "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))");

  private Formats() {
  }

  static SchemaCheck check(String format) {
    return switch (format) {
      case "date-time" -> checked(format, Formats::isDateTime);
      case "date" -> checked(format, Formats::isDate);
      case "uuid" -> checked(format, Ids::isUuid);
      default -> null;
    };
  }

  private static SchemaCheck checked(String format, Predicate<String> valid) {
    return (value, path, problems) -> {
      if (value instanceof String s && !valid.test(s)) {
        problems.add(new SchemaCheck.Problem(path, "must be a " + format));
      }
    };
  }

  private static boolean isDate(String text) {
    Matcher m = FULL_DATE.matcher(text);
    return m.matches() && isCalendarDate(m.group(1), m.group(2), m.group(3));
  }

  /** A leap second is accepted only where one can fall: at 23:59:60 in UTC, once the offset is taken away. */
  private static boolean isDateTime(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches() || !isCalendarDate(m.group(1), m.group(2), m.group(3))) {
      return false;
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = Integer.parseInt(m.group(6));
    int offsetMinutes = 0;
    if (m.group(7) != null) {
      int offsetHour = Integer.parseInt(m.group(8));
      int offsetMinute = Integer.parseInt(m.group(9));
      if (offsetHour > 23 || offsetMinute > 59) {
        return false;
      }
      offsetMinutes = (m.group(7).equals("-") ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    }
    if (hour > 23 || minute > 59 || second > 60) {
      return false;
    }
    return second < 60 || Math.floorMod(hour * 60 + minute - offsetMinutes, 24 * 60) == 23 * 60 + 59;
  }

  private static boolean isCalendarDate(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
