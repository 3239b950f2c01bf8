package io.backbench.repository.api;

/** The kind of a tree node, with restic's name for it. */
public enum NodeType {
    FILE("file"), DIR("dir"), SYMLINK("symlink"), DEV("dev"), CHARDEV("chardev"), FIFO("fifo"), SOCKET("socket"),
    IRREGULAR("irregular");

    private final String jsonName;

    NodeType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The type for restic's name, or {@code null} if unknown. */
    public static NodeType ofJsonName(String name) {
        for (NodeType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
