package dev.gatehouse.adapter.in.rest.compat;

/**
 * A body that is valid JSON but not an object ({@code []}, {@code "text"}, {@code 1}): each dialect
 * answers it in its own words (DRF: "Invalid data. Expected a dictionary, but got list.").
 */
public final class BodyNotAnObjectException extends RuntimeException {
    private final String pythonType;

    public BodyNotAnObjectException(Object body) {
        super(null, null, false, false);
        this.pythonType = pythonTypeOf(body);
    }

    /** The name Python gives the JSON value's type, which is what DRF's message shows. */
    public String pythonType() {
        return pythonType;
    }

    private static String pythonTypeOf(Object body) {
        return switch (body) {
            case java.util.List<?> l -> "list";
            case String s -> "str";
            case Boolean b -> "bool";
            case Integer i -> "int";
            case Long l -> "int";
            case java.math.BigInteger b -> "int";
            case Number n -> "float";
            default -> body.getClass().getSimpleName();
        };
    }
}
