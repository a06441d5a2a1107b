package io.intelligencecrm.core.db;

/** How to reach one database as its owner (migrations) and as the application role. */
public record DatabaseCoordinates(String url, String ownerUser, String ownerPassword, String appUser,
                                  String appPassword) {
    @Override
    public String toString() {
        return "DatabaseCoordinates[" + url + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
