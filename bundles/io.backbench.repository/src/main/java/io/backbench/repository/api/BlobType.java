package io.backbench.repository.api;

/** What a blob holds: file content or a directory listing (tree). Stored in separate packs. */
public enum BlobType {
    DATA("data"), TREE("tree");

    private final String jsonName;

    BlobType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name restic's index files use: {@code data} or {@code tree}. */
    public String jsonName() {
        return jsonName;
    }
}
