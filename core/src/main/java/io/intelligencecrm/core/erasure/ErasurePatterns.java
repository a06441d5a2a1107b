package io.intelligencecrm.core.erasure;

/**
 * What erasing a person must find, as case-insensitive PostgreSQL regular expressions built by
 * {@code crm_erasure_patterns} from the contacts themselves.
 *
 * @param identifying their email, phone and full name where nobody else in the tenant has them: replaced everywhere
 * @param personal    those and each word of their name: replaced in rows about them
 * @param linking     their ids and the identifying values: what makes a row one about them
 */
record ErasurePatterns(String identifying, String personal, String linking) {
}
