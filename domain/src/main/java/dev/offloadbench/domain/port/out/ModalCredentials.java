package dev.offloadbench.domain.port.out;

/** Whether Modal credentials are present (the environment, or the active profile of {@code ~/.modal.toml}). */
public interface ModalCredentials {
    Status status();

    /**
     * @param present both a token id and a token secret were found
     * @param where where they were found, or where they were looked for
     */
    record Status(boolean present, String where) {
    }
}
