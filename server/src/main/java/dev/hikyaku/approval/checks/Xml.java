package dev.hikyaku.approval.checks;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming reads of the XML parts of Office files, with DTDs and external entities off: a part is
 * attacker-controlled input, and entity expansion is how XML bombs and XXE work.
 */
final class Xml {

  private static final XMLInputFactory FACTORY = secureFactory();

  private Xml() {}

  /** What a streaming reader calls back with; may throw {@link XMLStreamException}. */
  interface Handler {
    void handle(XMLStreamReader reader) throws XMLStreamException;
  }

  /** Calls {@code handler} at every event of {@code xml}. */
  static void read(byte[] xml, Handler handler) {
    try {
      // Decoded here, not by the parser: on a bad byte sequence the JDK's parser prints
      // "[Fatal Error]" to stderr before it throws, and a damaged upload is not a server error.
      XMLStreamReader reader =
          FACTORY.createXMLStreamReader(new StringReader(TextDecoder.decode(xml)));
      try {
        while (reader.hasNext()) {
          reader.next();
          handler.handle(reader);
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedFileException("bad XML: " + e.getMessage(), e);
    }
  }

  /**
   * The text of each paragraph ({@code w:p} in WordprocessingML, {@code a:p} in DrawingML) in
   * document order, from its {@code t} runs; tabs kept, line breaks made spaces.
   */
  static List<String> paragraphs(byte[] xml) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean[] inText = {false};
    read(
        xml,
        r -> {
          switch (r.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> {
              switch (r.getLocalName()) {
                case "t" -> inText[0] = true;
                case "tab" -> text.append('\t');
                case "br", "cr" -> text.append(' ');
                default -> {}
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              if (r.getLocalName().equals("t")) {
                inText[0] = false;
              } else if (r.getLocalName().equals("p")) {
                paragraphs.add(text.toString());
                text.setLength(0);
              }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (inText[0]) {
                text.append(r.getText());
              }
            }
            default -> {}
          }
        });
    return paragraphs;
  }

  /** The value of the attribute {@code localName} in any namespace, or null. */
  static String attribute(XMLStreamReader reader, String localName) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (reader.getAttributeLocalName(i).equals(localName)) {
        return reader.getAttributeValue(i);
      }
    }
    return null;
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
