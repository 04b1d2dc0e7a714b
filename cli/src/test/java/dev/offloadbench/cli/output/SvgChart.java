package dev.offloadbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart as an XML parser reads it: its plot area and scale, and every plotted point with where
 * it is drawn (a circle's centre, or the centre of an INVALID run's cross).
 */
public record SvgChart(Document document, double plotX, double plotY, double plotWidth, double plotHeight,
        double yMax, List<Point> points) {
    public static final String SVG = "http://www.w3.org/2000/svg";

    public record Point(String session, String kind, double mean, String sigma, boolean valid, double x, double y,
            String colour, String title) {
    }

    /** Parses the SVG strictly (namespaces on, no DTD), failing the test when it is not well-formed. */
    public static SvgChart parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        Element plot = only(document, "rect", "plot");
        List<Point> points = new ArrayList<>();
        NodeList groups = document.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (!group.getAttribute("class").startsWith("point")) {
                continue;
            }
            boolean valid = Boolean.parseBoolean(group.getAttribute("data-valid"));
            double x;
            double y;
            String colour;
            if (valid) {
                Element circle = (Element) group.getElementsByTagNameNS(SVG, "circle").item(0);
                x = Double.parseDouble(circle.getAttribute("cx"));
                y = Double.parseDouble(circle.getAttribute("cy"));
                colour = circle.getAttribute("fill");
            } else {
                Element cross = (Element) group.getElementsByTagNameNS(SVG, "path").item(0);
                String[] d = cross.getAttribute("d").replace("M", "").replace("L", "").trim().split("\\s+");
                // M x1 y1 L x2 y2 M ...: the first stroke's middle
                x = (Double.parseDouble(d[0]) + Double.parseDouble(d[2])) / 2;
                y = (Double.parseDouble(d[1]) + Double.parseDouble(d[3])) / 2;
                colour = cross.getAttribute("stroke");
            }
            String title = group.getElementsByTagNameNS(SVG, "title").item(0).getTextContent();
            points.add(new Point(group.getAttribute("data-session"), group.getAttribute("data-kind"),
                    Double.parseDouble(group.getAttribute("data-mean")), group.getAttribute("data-sigma"), valid, x, y,
                    colour, title));
        }
        return new SvgChart(document, number(plot, "x"), number(plot, "y"), number(plot, "width"),
                number(plot, "height"), number(plot, "data-y-max"), points);
    }

    /** Where a time should be drawn up, from the plot's own scale: 0 at its bottom, yMax at its top. */
    public double expectedY(double seconds) {
        return plotY + plotHeight * (1 - seconds / yMax);
    }

    public List<Point> points(String kind) {
        return points.stream().filter(p -> p.kind().equals(kind)).toList();
    }

    public int width() {
        return (int) Double.parseDouble(document.getDocumentElement().getAttribute("width"));
    }

    public int height() {
        return (int) Double.parseDouble(document.getDocumentElement().getAttribute("height"));
    }

    private static Element only(Document document, String tag, String className) {
        NodeList elements = document.getElementsByTagNameNS(SVG, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.getAttribute("class").equals(className)) {
                found.add(element);
            }
        }
        assertThat(found).as("<" + tag + " class=\"" + className + "\">").hasSize(1);
        return found.get(0);
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
