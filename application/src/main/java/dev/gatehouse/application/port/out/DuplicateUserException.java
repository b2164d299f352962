package dev.gatehouse.application.port.out;

/** A uniqueness rule held by the store (not a race the use case could have seen coming). */
public class DuplicateUserException extends RuntimeException {
    public enum Field { EMAIL, USERNAME }

    private final Field field;

    public DuplicateUserException(Field field) {
        super("duplicate " + field.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
