package dev.bootsplice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.Problem;
import dev.bootsplice.format.Severity;
import java.io.PrintWriter;
import java.util.List;

/** The JSON outputs' shared pieces: one pretty printer and the {@code problems} array shape. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Returns a new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Prints {@code node} pretty, followed by a newline. */
    static void print(JsonNode node, PrintWriter out) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    /** Returns {@code [{"severity", "item", "entry", "offset", "reason"}...]}; item is null for the container. */
    static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Problem p : problems) {
            ObjectNode o = array.addObject();
            o.put("severity", p.severity() == Severity.ERROR ? "error" : "warning");
            if (p.item() >= 0) {
                o.put("item", p.item());
            } else {
                o.putNull("item");
            }
            o.put("entry", p.entry());
            o.put("offset", p.offset());
            o.put("reason", p.reason());
        }
        return array;
    }
}
