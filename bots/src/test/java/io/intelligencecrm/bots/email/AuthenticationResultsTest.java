package io.intelligencecrm.bots.email;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {
    private static final String TRUSTED = "mx.crm.test";

    private static boolean vouched(String header, String fromDomain) {
        return AuthenticationResults.vouchFor(List.of(header), TRUSTED, fromDomain);
    }

    @Test
    void dmarc_pass_from_the_trusted_server_for_the_from_domain_vouches() {
        assertTrue(vouched("mx.crm.test; dmarc=pass (p=reject dis=none) header.from=acme.example", "acme.example"));
        assertTrue(vouched("mx.crm.test 1; dkim=none; dmarc=pass header.from=acme.example", "acme.example"),
                "with a version after the authserv-id");
    }

    @Test
    void spf_and_dkim_must_both_pass_aligned_with_the_from_domain() {
        assertTrue(vouched("mx.crm.test; spf=pass smtp.mailfrom=bounces.acme.example;"
                + " dkim=pass header.d=acme.example header.s=s1", "acme.example"));
        assertFalse(vouched("mx.crm.test; spf=pass smtp.mailfrom=acme.example; dkim=fail header.d=acme.example",
                "acme.example"));
        assertFalse(vouched("mx.crm.test; spf=pass smtp.mailfrom=evil.example; dkim=pass header.d=evil.example",
                "acme.example"), "passing for another domain says nothing about this one");
        assertFalse(vouched("mx.crm.test; spf=pass smtp.mailfrom=example; dkim=pass header.d=example",
                "acme.example"), "a parent domain is not aligned");
    }

    @Test
    void results_from_other_servers_or_for_other_domains_do_not_count() {
        assertFalse(vouched("evil.example; dmarc=pass header.from=acme.example", "acme.example"));
        assertFalse(vouched("mx.crm.test; dmarc=pass header.from=evil.example", "acme.example"));
        assertFalse(vouched("mx.crm.test; dmarc=fail header.from=acme.example", "acme.example"));
        assertFalse(vouched("mx.crm.test; none", "acme.example"));
        assertFalse(AuthenticationResults.vouchFor(List.of("mx.crm.test; dmarc=pass header.from=acme.example"),
                null, "acme.example"), "no trusted server configured: nothing vouches");
    }

    @Test
    void a_comment_cannot_smuggle_a_pass() {
        assertFalse(vouched("mx.crm.test; dmarc=fail (dmarc=pass header.from=acme.example) header.from=acme.example",
                "acme.example"));
    }
}
