package io.backbench.repository.api;

import java.util.Arrays;

/** One extended attribute: its name and raw value (base64 in the tree's JSON). */
public record ExtendedAttribute(String name, byte[] value) {
    public ExtendedAttribute {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedAttribute x && name.equals(x.name) && Arrays.equals(value, x.value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "(" + value.length + " bytes)";
    }
}
