package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads a scenario's {@code zonedata} of the RFC 7208 test suite into an {@link InMemoryZone}, with
 * the suite's conventions (those of pyspf's driver): SPF-type records also serve as TXT unless the
 * name has its own TXT entry, {@code NONE} is no record, and {@code TIMEOUT} makes every type
 * without a record listed before it time out.
 */
final class SpfSuiteZone {
  private SpfSuiteZone() {}

  private record Entry(String type, Object value) {}

  static InMemoryZone load(Map<String, List<Object>> zonedata) {
    InMemoryZone zone = new InMemoryZone();
    for (Map.Entry<String, List<Object>> name : zonedata.entrySet()) {
      load(zone, name.getKey(), name.getValue());
    }
    return zone;
  }

  private static void load(InMemoryZone zone, String name, List<Object> raw) {
    List<Entry> entries = new ArrayList<>();
    List<Entry> generated = new ArrayList<>();
    boolean ownTxt = false;
    for (Object item : raw) {
      if ("TIMEOUT".equals(item)) {
        entries.add(new Entry("TIMEOUT", null));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) item;
      for (Map.Entry<String, Object> e : map.entrySet()) {
        String type = e.getKey().toUpperCase(Locale.ROOT);
        if (type.equals("TXT")) {
          ownTxt = true;
        } else if (type.equals("SPF")) {
          generated.add(new Entry("TXT", e.getValue()));
        }
        entries.add(new Entry(type, e.getValue()));
      }
    }
    if (!ownTxt) {
      entries.addAll(generated);
    }
    zone.exists(name);
    Set<RecordType> seen = EnumSet.noneOf(RecordType.class);
    for (Entry entry : entries) {
      if (entry.type().equals("TIMEOUT")) {
        EnumSet<RecordType> timedOut = EnumSet.allOf(RecordType.class);
        timedOut.removeAll(seen);
        if (!timedOut.isEmpty()) {
          zone.timeout(name, timedOut.toArray(RecordType[]::new));
        }
        return;
      }
      if ("NONE".equals(entry.value())) {
        continue;
      }
      switch (entry.type()) {
        case "TXT" -> {
          zone.txt(name, strings(entry.value()));
          seen.add(RecordType.TXT);
        }
        case "A", "AAAA" -> {
          zone.address(name, String.valueOf(entry.value()));
          seen.add(RecordType.valueOf(entry.type()));
        }
        case "MX" -> {
          List<?> mx = (List<?>) entry.value();
          zone.mx(name, ((Number) mx.get(0)).intValue(), String.valueOf(mx.get(1)));
          seen.add(RecordType.MX);
        }
        case "PTR" -> {
          zone.ptr(name, String.valueOf(entry.value()));
          seen.add(RecordType.PTR);
        }
        case "CNAME" -> zone.cname(name, String.valueOf(entry.value()));
        case "SPF" -> {
          // RFC 7208 §3.1 removed the SPF type; it is never queried.
        }
        default -> throw new IllegalArgumentException("unknown zonedata type " + entry.type());
      }
    }
  }

  private static String[] strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toArray(String[]::new);
    }
    return new String[] {String.valueOf(value)};
  }
}
