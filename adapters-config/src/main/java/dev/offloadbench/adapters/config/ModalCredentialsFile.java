package dev.offloadbench.adapters.config;

import dev.offloadbench.domain.port.out.ModalCredentials;
import dev.offloadbench.files.XdgDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Whether Modal credentials are present, found as Modal finds them: {@code MODAL_TOKEN_ID} and
 * {@code MODAL_TOKEN_SECRET} in the environment override the file at {@code MODAL_CONFIG_PATH}
 * (default {@code ~/.modal.toml}), whose active profile is {@code MODAL_PROFILE}, else the table
 * with {@code active = true}, else {@code default}. Nothing is checked online: whether the token
 * has expired cannot be known from here.
 */
public final class ModalCredentialsFile implements ModalCredentials {
    private static final String ID_ENV = "MODAL_TOKEN_ID";
    private static final String SECRET_ENV = "MODAL_TOKEN_SECRET";
    private static final String ENVIRONMENT = "the " + ID_ENV + "/" + SECRET_ENV + " environment variables";

    private final Map<String, String> environment;

    public ModalCredentialsFile(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Status status() {
        String idFromEnvironment = nonEmpty(environment.get(ID_ENV));
        String secretFromEnvironment = nonEmpty(environment.get(SECRET_ENV));
        if (idFromEnvironment != null && secretFromEnvironment != null) {
            return new Status(true, ENVIRONMENT);
        }
        String configured = nonEmpty(environment.get("MODAL_CONFIG_PATH"));
        XdgDirectories directories = new XdgDirectories(environment);
        Path home = directories.home();
        Path file = configured != null ? directories.expand(configured, home) : home.resolve(".modal.toml");
        String fileName = configured != null ? file + " (MODAL_CONFIG_PATH)" : file.toString();
        if (!Files.isRegularFile(file)) {
            return new Status(false, "no " + fileName + " and no " + ID_ENV + "/" + SECRET_ENV
                    + " in the environment");
        }
        TomlParseResult toml = TomlFiles.parseAllowingErrors(file);
        if (toml.hasErrors()) {
            return new Status(false, fileName + " is not valid TOML: "
                    + TomlFiles.describeErrors(file, toml.errors()).replace("\n", "; "));
        }
        String profileFromEnvironment = nonEmpty(environment.get("MODAL_PROFILE"));
        String profile = profileFromEnvironment != null ? profileFromEnvironment : activeProfile(toml);
        String profileName = "profile `" + profile + "`" + (profileFromEnvironment != null ? " (MODAL_PROFILE)" : "");
        Object table = toml.get(List.of(profile));
        if (!(table instanceof TomlTable)) {
            return new Status(false, fileName + " has no " + profileName
                    + (idFromEnvironment != null || secretFromEnvironment != null
                            ? " and the environment sets only one of " + ID_ENV + "/" + SECRET_ENV
                            : ""));
        }
        TomlTable values = (TomlTable) table;
        boolean hasId = idFromEnvironment != null || nonEmptyString(values, "token_id");
        boolean hasSecret = secretFromEnvironment != null || nonEmptyString(values, "token_secret");
        String where = profileName + " in " + fileName + fromEnvironment(idFromEnvironment, secretFromEnvironment);
        if (hasId && hasSecret) {
            return new Status(true, where);
        }
        String missing = !hasId && !hasSecret ? "token_id or token_secret" : !hasId ? "token_id" : "token_secret";
        return new Status(false, where + " has no " + missing);
    }

    /** The first table with {@code active = true}, else {@code default} (as Modal chooses). */
    private static String activeProfile(TomlTable toml) {
        for (String key : toml.keySet()) {
            Object value = toml.get(List.of(key));
            if (value instanceof TomlTable && Boolean.TRUE.equals(((TomlTable) value).get(List.of("active")))) {
                return key;
            }
        }
        return "default";
    }

    private static String fromEnvironment(String id, String secret) {
        if (id != null) {
            return " (token_id from " + ID_ENV + ")";
        }
        if (secret != null) {
            return " (token_secret from " + SECRET_ENV + ")";
        }
        return "";
    }

    private static boolean nonEmptyString(TomlTable table, String key) {
        Object value = table.get(List.of(key));
        return value instanceof String && !((String) value).isEmpty();
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
