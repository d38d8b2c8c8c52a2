package dev.hikyaku.audience;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom contact fields stored as a JSON object of strings. */
final class Attributes {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  /** The stored column's limit; the importer and the API keep attributes under it. */
  static final int MAX_JSON = 8000;

  private Attributes() {}

  static String toJson(Map<String, String> attributes) {
    return JSON.writeValueAsString(attributes == null ? Map.of() : attributes);
  }

  static Map<String, String> fromJson(String json) {
    return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
  }
}
