package io.careline.common.wire;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link CodedEnum} as its code; each enum gets a one-line subclass JPA can instantiate. */
public abstract class CodedEnumConverter<E extends Enum<E> & CodedEnum> implements AttributeConverter<E, Integer> {
    private final Class<E> type;

    protected CodedEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public Integer convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(Integer code) {
        return code == null ? null : CodedEnum.fromCode(type, code);
    }
}
