package dev.bootsplice.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin generated from the mojo annotations (process-classes runs
 * before the tests), read so tests check the defaults and properties users actually get.
 */
final class GeneratedDescriptor {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** One parameter of one goal as the descriptor declares it. */
    record Parameter(
            String name, String type, boolean editable, String description, String property, String defaultValue) {}

    private GeneratedDescriptor() {}

    /** Returns the parameters of {@code goal}, in descriptor order. */
    static List<Parameter> parameters(String goal) {
        Element mojo = mojo(goal);
        Element configuration =
                (Element) mojo.getElementsByTagName("configuration").item(0);
        List<Parameter> parameters = new ArrayList<>();
        for (Element p :
                children((Element) mojo.getElementsByTagName("parameters").item(0), "parameter")) {
            String name = text(p, "name");
            Optional<Element> config = children(configuration, name).stream().findFirst();
            String expression = config.map(Node::getTextContent).orElse("");
            String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : null;
            String defaultValue = config.filter(c -> c.hasAttribute("default-value"))
                    .map(c -> c.getAttribute("default-value"))
                    .orElse(null);
            parameters.add(new Parameter(
                    name,
                    text(p, "type"),
                    Boolean.parseBoolean(text(p, "editable")),
                    text(p, "description"),
                    property,
                    defaultValue));
        }
        return parameters;
    }

    /** Returns {@code goal}'s parameter called {@code name}. */
    static Parameter parameter(String goal, String name) {
        return parameters(goal).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(goal + " has no parameter " + name));
    }

    /** Returns the default value of {@code goal}'s parameter {@code name}, or null when it has none. */
    static String defaultValue(String goal, String name) {
        return parameter(goal, name).defaultValue();
    }

    /** Returns the text of {@code element} in {@code goal}'s mojo, e.g. {@code phase}. */
    static String mojoField(String goal, String element) {
        return text(mojo(goal), element);
    }

    /** Returns the goals the descriptor declares. */
    static List<String> goals() {
        return children((Element) document().getElementsByTagName("mojos").item(0), "mojo").stream()
                .map(m -> text(m, "goal"))
                .toList();
    }

    private static Element mojo(String goal) {
        return children((Element) document().getElementsByTagName("mojos").item(0), "mojo").stream()
                .filter(m -> goal.equals(text(m, "goal")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no goal " + goal + " in " + DESCRIPTOR));
    }

    private static Document document() {
        if (!Files.isRegularFile(DESCRIPTOR)) {
            throw new AssertionError(DESCRIPTOR + " missing: run the tests through Maven (process-classes)");
        }
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + DESCRIPTOR, e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        return children(parent, tag).stream()
                .findFirst()
                .map(Node::getTextContent)
                .orElse(null);
    }
}
