package dev.dynarecord.internal.schema;

/** The four kinds of association a model can declare. */
public enum AssociationKind {
    /** The record holds its owner's key in a foreign-key attribute. */
    BELONGS_TO,
    /** One record of another model holds this record's key. */
    HAS_ONE,
    /** Many records of another model hold this record's key. */
    HAS_MANY,
    /** Links between records of two models, each link an item of a join table. */
    HAS_AND_BELONGS_TO_MANY;

    /** @return how the model declares it, for messages: {@code hasMany(...)} */
    public String declaration() {
        return switch (this) {
            case BELONGS_TO -> "belongsTo";
            case HAS_ONE -> "hasOne";
            case HAS_MANY -> "hasMany";
            case HAS_AND_BELONGS_TO_MANY -> "hasAndBelongsToMany";
        };
    }
}
