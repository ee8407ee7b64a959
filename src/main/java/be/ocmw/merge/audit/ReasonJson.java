package be.ocmw.merge.audit;

import be.ocmw.merge.domain.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A reason as the {@code jsonb} the database keeps it in ({@code run.outcome_words}, {@code rejected_row.reason_words},
 * {@code load_file.problem_words}), so that what was refused or failed can be said again in any language.
 */
public final class ReasonJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReasonJson() {
    }

    public static String write(Reason reason) {
        return reason == null ? null : JSON.writeValueAsString(node(reason));
    }

    /** The stored reason; its English text when it was stored without words (before V13). */
    public static Reason read(String json, String english) {
        if (json == null) {
            return english == null ? null : Reason.words(english);
        }
        return reason(JSON.readTree(json));
    }

    private static ObjectNode node(Reason reason) {
        ObjectNode node = JSON.createObjectNode();
        if (reason.key() != null) {
            node.put("key", reason.key());
        }
        var args = node.putArray("args");
        reason.args().forEach(args::add);
        if (reason.cause() != null) {
            node.set("cause", node(reason.cause()));
        }
        return node;
    }

    private static Reason reason(JsonNode node) {
        List<String> args = new ArrayList<>();
        node.get("args").forEach(arg -> args.add(arg.asString()));
        JsonNode cause = node.get("cause");
        return new Reason(node.hasNonNull("key") ? node.get("key").asString() : null, args,
                cause == null ? null : reason(cause));
    }
}
