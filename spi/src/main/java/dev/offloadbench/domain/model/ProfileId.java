package dev.offloadbench.domain.model;

import java.util.regex.Pattern;

/** Profile ids name files, config tables and template keys, so they are kept simple. */
public final class ProfileId {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]*");

    private ProfileId() {
    }

    public static String check(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("profile id \"" + id
                    + "\" must be lower-case letters, digits, '-' or '_', starting with a letter");
        }
        return id;
    }
}
