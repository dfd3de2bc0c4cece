package dev.dynarecord.internal.persist;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Condition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Turns a user's {@link WriteCondition} into checked conditions for one model. */
public final class WriteConditions {

    private WriteConditions() {
    }

    /**
     * Checks and converts the condition for a model, as a query would.
     *
     * @return the conditions, in the order given
     * @throws InvalidQueryException when a field is not declared, an operator does not suit its type or a
     *     value has the wrong type
     */
    public static List<Condition> of(ModelSchema<?> schema, WriteCondition condition) {
        List<Condition> out = new ArrayList<>(condition.parts().size());
        for (WriteCondition.Part p : condition.parts()) {
            out.add(p.existence() != null ? Conditions.of(schema, p.expression(), p.existence(), List.of())
                    : Conditions.parse(schema, p.expression(), p.value()));
        }
        return Collections.unmodifiableList(out);
    }
}
