package be.ocmw.merge.input.internal;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbook's shared strings as plain text, in order: Excel keeps each distinct text of a sheet once and
 * the cells refer to it by number. Rich-text runs are joined; phonetic guides are not part of the text.
 */
final class SharedStrings {

    private SharedStrings() {
    }

    static List<String> of(OPCPackage workbook) throws IOException, XMLStreamException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return List.of();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return read(in);
        }
    }

    static List<String> read(InputStream in) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        try {
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(text(xml, text));
                }
            }
            return strings;
        } finally {
            xml.close();
        }
    }

    /**
     * The text of the string item ({@code <si>} here, {@code <is>} in a cell) whose start the cursor is at,
     * read to its end: its runs joined, its phonetic guides left out.
     */
    static String text(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
        text.setLength(0);
        int depth = 1;
        boolean inText = false;
        int phonetic = 0;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (xml.getLocalName()) {
                    case "t" -> inText = true;
                    case "rPh" -> phonetic++;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (xml.getLocalName()) {
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    default -> { }
                }
            } else if (inText && phonetic == 0 && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        return text.toString();
    }
}
