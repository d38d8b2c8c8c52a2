package dev.hikyaku.approval.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;

/**
 * The cells of every sheet of a workbook (SpreadsheetML, ECMA-376 Part 1 §18), each sheet a table:
 * shared strings ({@code t="s"}), inline strings ({@code t="inlineStr"}), formula strings and
 * numbers; phonetic readings ({@code rPh}, the furigana of Japanese names) are left out.
 */
final class SpreadsheetText {

  private final OoxmlText workbook;

  SpreadsheetText(OoxmlText workbook) {
    this.workbook = workbook;
  }

  void scan() {
    List<String> shared =
        workbook.part("xl/sharedStrings.xml").map(SpreadsheetText::sharedStrings).orElse(List.of());
    Map<String, String> targets =
        workbook
            .part("xl/_rels/workbook.xml.rels")
            .map(SpreadsheetText::relationships)
            .orElse(Map.of());
    Map<String, String> sheets = new LinkedHashMap<>(); // sheet name -> part
    workbook
        .part("xl/workbook.xml")
        .ifPresent(xml ->
            Xml.read(
                xml,
                r -> {
                  if (r.getEventType() == XMLStreamConstants.START_ELEMENT
                      && r.getLocalName().equals("sheet")) {
                    String target = targets.get(Xml.attribute(r, "id"));
                    if (target != null) {
                      sheets.put(String.valueOf(Xml.attribute(r, "name")), target);
                    }
                  }
                }));
    Tally tally = workbook.scanner().tally();
    sheets.forEach((name, part) ->
        workbook
            .part(part)
            .ifPresent(xml -> {
              String prefix =
                  Scan.prefix(workbook.path()) + "sheet " + Locations.visible(name) + ", ";
              TableScan table = new TableScan(prefix, i -> "column " + TableScan.letters(i), tally);
              rows(xml, shared, table);
              table.finish();
            }));
    workbook.scanner().emit(tally, workbook.path());
  }

  private static List<String> sharedStrings(byte[] xml) {
    List<String> strings = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int[] state = {0, 0}; // inside <t>, inside <rPh>
    Xml.read(
        xml,
        r -> {
          switch (r.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> {
              switch (r.getLocalName()) {
                case "si" -> text.setLength(0);
                case "t" -> state[0] = 1;
                case "rPh" -> state[1] = 1;
                default -> {}
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              switch (r.getLocalName()) {
                case "si" -> strings.add(text.toString());
                case "t" -> state[0] = 0;
                case "rPh" -> state[1] = 0;
                default -> {}
              }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (state[0] == 1 && state[1] == 0) {
                text.append(r.getText());
              }
            }
            default -> {}
          }
        });
    return strings;
  }

  /** Relationship ids to part names: {@code worksheets/sheet1.xml} is {@code xl/worksheets/...}. */
  private static Map<String, String> relationships(byte[] xml) {
    Map<String, String> targets = new HashMap<>();
    Xml.read(
        xml,
        r -> {
          if (r.getEventType() == XMLStreamConstants.START_ELEMENT
              && r.getLocalName().equals("Relationship")) {
            String id = Xml.attribute(r, "Id");
            String target = Xml.attribute(r, "Target");
            if (id != null && target != null) {
              targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
            }
          }
        });
    return targets;
  }

  private static void rows(byte[] xml, List<String> shared, TableScan table) {
    List<TableScan.Cell> cells = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    String[] cell = {null, null}; // reference, type
    boolean[] inValue = {false};
    int[] nextColumn = {0};
    Xml.read(
        xml,
        r -> {
          switch (r.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> {
              switch (r.getLocalName()) {
                case "row" -> {
                  cells.clear();
                  nextColumn[0] = 0;
                }
                case "c" -> {
                  cell[0] = Xml.attribute(r, "r");
                  cell[1] = Xml.attribute(r, "t");
                  value.setLength(0);
                }
                case "v", "t" -> inValue[0] = true;
                default -> {}
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              switch (r.getLocalName()) {
                case "v", "t" -> inValue[0] = false;
                case "c" -> {
                  int column = column(cell[0], nextColumn[0]);
                  nextColumn[0] = column + 1;
                  cells.add(new TableScan.Cell(column, text(cell[1], value.toString(), shared)));
                }
                case "row" -> table.row(List.copyOf(cells));
                default -> {}
              }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (inValue[0]) {
                value.append(r.getText());
              }
            }
            default -> {}
          }
        });
  }

  private static String text(String type, String value, List<String> shared) {
    if ("s".equals(type)) {
      try {
        int index = Integer.parseInt(value.strip());
        return index >= 0 && index < shared.size() ? shared.get(index) : "";
      } catch (NumberFormatException e) {
        throw new MalformedFileException("shared string index " + value, e);
      }
    }
    if (type == null || "n".equals(type)) {
      return plainNumber(value);
    }
    return "b".equals(type) || "e".equals(type) ? "" : value;
  }

  /** A 12-digit number may be stored as {@code 1.23456789018E+11}; it is shown in full. */
  private static String plainNumber(String value) {
    if (value.indexOf('E') < 0 && value.indexOf('e') < 0) {
      return value;
    }
    try {
      BigDecimal number = new BigDecimal(value.strip()).stripTrailingZeros();
      // 1E+999999999 is a valid number too; written out it would fill the memory.
      boolean small = number.precision() - number.scale() <= 20 && number.scale() <= 20;
      return small ? number.toPlainString() : value;
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** The 0-based column of a reference like {@code C5}, or {@code next} without one. */
  private static int column(String reference, int next) {
    if (reference == null) {
      return next;
    }
    int column = 0;
    int i = 0;
    while (i < reference.length() && i < 3) {
      char c = Character.toUpperCase(reference.charAt(i++));
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column == 0 ? next : column - 1;
  }
}
