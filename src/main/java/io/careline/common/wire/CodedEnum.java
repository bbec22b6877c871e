package io.careline.common.wire;


/** An enum stored as the numeric code the legacy systems used, so old data and reports keep their meaning. */
public interface CodedEnum extends WireEnum {
    int code();

    static <E extends Enum<E> & CodedEnum> E fromCode(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " with code " + code);
    }
}
