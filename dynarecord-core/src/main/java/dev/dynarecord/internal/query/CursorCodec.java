package dev.dynarecord.internal.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynarecord.exception.InvalidCursorException;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.QueryPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes and reads page cursors: URL-safe Base64 of a small JSON document holding, per stream, the
 * key of the last item given out, a fingerprint of the query, and a checksum over both. A cursor
 * is opaque to clients but not secret (it holds key values). Reading one checks the checksum, the
 * fingerprint, the key attributes and, for a Query, that the position is inside the queried
 * partition: a cursor that was altered or belongs to another query is refused before any request.
 */
public final class CursorCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int VERSION = 1;

    private CursorCodec() {
    }

    /**
     * @param plan the query's plan
     * @param modelName the model, part of the fingerprint
     * @param positions one position per stream
     * @return the cursor
     */
    public static String encode(Plan plan, String modelName, List<Map<String, AttributeValue>> positions) {
        ArrayNode p = JSON.createArrayNode();
        for (Map<String, AttributeValue> position : positions) {
            if (position == null) {
                p.addNull();
                continue;
            }
            ObjectNode key = p.addObject();
            position.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                AttributeValue v = e.getValue();
                ArrayNode typed = key.putArray(e.getKey());
                if (v.s() != null) {
                    typed.add("S").add(v.s());
                } else if (v.n() != null) {
                    typed.add("N").add(v.n());
                } else {
                    typed.add("B").add(Base64.getEncoder().encodeToString(v.b().asByteArray()));
                }
            });
        }
        String payload = p.toString();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("v", VERSION);
        doc.set("p", p);
        doc.put("c", checksum(fingerprint(plan, modelName), payload));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(doc.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param cursor the cursor a previous page returned
     * @param plan the query's plan
     * @param modelName the model
     * @param positionKeys the attributes a position must have
     * @return one position per stream
     * @throws InvalidCursorException when it cannot be used with this query
     */
    public static List<Map<String, AttributeValue>> decode(String cursor, Plan plan, String modelName,
            List<String> positionKeys) {
        JsonNode doc;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            // the decoder ignores the unused bits of the last character: only the form encode writes is one's own
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(cursor)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            doc = JSON.readTree(bytes);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid(modelName, "it is not a cursor Dynarecord wrote (not URL-safe Base64 of its format)", e);
        }
        if (doc == null || !doc.isObject() || doc.path("v").asInt() != VERSION || !doc.path("p").isArray() || !doc.path("c").isTextual()) {
            throw invalid(modelName, "it is not a cursor Dynarecord wrote (unknown format)", null);
        }
        String payload = doc.get("p").toString();
        if (!checksum(fingerprint(plan, modelName), payload).equals(doc.get("c").asText())) {
            throw invalid(modelName, "it was altered, or it belongs to another query (other conditions, index, order,"
                    + " projection or table)", null);
        }
        List<Map<String, AttributeValue>> positions = new ArrayList<>();
        for (JsonNode node : doc.get("p")) {
            positions.add(node.isNull() ? null : position(node, modelName, positionKeys));
        }
        if (positions.size() != plan.fanOut()) {
            throw invalid(modelName, "it holds " + positions.size() + " positions where this query reads " + plan.fanOut(), null);
        }
        if (plan.fanOut() == 1 && positions.get(0) != null && positions.get(0).isEmpty()) {
            throw invalid(modelName, "its position is empty", null);
        }
        checkPartition(plan, positions, modelName);
        return positions;
    }

    private static Map<String, AttributeValue> position(JsonNode node, String modelName, List<String> positionKeys) {
        if (!node.isObject()) {
            throw invalid(modelName, "a position is not a key", null);
        }
        Map<String, AttributeValue> key = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode typed = e.getValue();
            if (!typed.isArray() || typed.size() != 2 || !typed.get(1).isTextual()) {
                throw invalid(modelName, "a key value is malformed", null);
            }
            String text = typed.get(1).asText();
            key.put(e.getKey(), switch (typed.get(0).asText()) {
                case "S" -> AttributeValue.fromS(text);
                case "N" -> AttributeValue.fromN(number(text, modelName));
                case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes(text, modelName)));
                default -> throw invalid(modelName, "a key value has an unknown type", null);
            });
        }
        if (!key.isEmpty() && !Set.copyOf(positionKeys).equals(key.keySet())) {
            throw invalid(modelName, "its key attributes " + key.keySet() + " are not this query's " + positionKeys, null);
        }
        return key;
    }

    private static String number(String text, String modelName) {
        try {
            new java.math.BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            throw invalid(modelName, "a number key value is not a number", e);
        }
    }

    private static byte[] bytes(String text, String modelName) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(modelName, "a binary key value is not Base64", e);
        }
    }

    private static void checkPartition(Plan plan, List<Map<String, AttributeValue>> positions, String modelName) {
        if (plan.operation() != QueryPlan.Operation.QUERY) {
            return;
        }
        for (int i = 0; i < positions.size(); i++) {
            Map<String, AttributeValue> p = positions.get(i);
            if (p == null || p.isEmpty()) {
                continue;
            }
            if (plan.fanOut() > 1) {
                String shard = plan.index().orElseThrow().hashKeyName();
                if (!AttributeValue.fromN(Integer.toString(i)).equals(p.get(shard))) {
                    throw invalid(modelName, "position " + i + " is not in shard " + i, null);
                }
                continue;
            }
            for (Condition c : plan.keyConditions()) {
                if (c.operator() == Operator.EQ && !c.attributeValues().get(0).equals(p.get(c.attribute()))) {
                    throw invalid(modelName, "its position is outside the queried " + c.attribute(), null);
                }
            }
        }
    }

    private static String fingerprint(Plan plan, String modelName) {
        return modelName + "\n" + plan.operation() + "\n" + plan.table() + "\n" + plan.indexName().orElse("") + "\n"
                + plan.keyConditions() + "\n" + plan.filters() + "\n" + plan.projection() + "\n" + plan.order() + "\n"
                + plan.consistent();
    }

    private static String checksum(String fingerprint, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static InvalidCursorException invalid(String modelName, String why, Throwable cause) {
        return new InvalidCursorException("this " + modelName + " cursor cannot be used: " + why
                + "; pass the cursor exactly as the previous page of the same query returned it, or null for the first page", cause);
    }
}
