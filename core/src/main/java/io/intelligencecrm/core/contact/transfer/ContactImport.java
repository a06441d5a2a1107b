package io.intelligencecrm.core.contact.transfer;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.contact.AttributeVocabulary;
import io.intelligencecrm.core.contact.ContactFields;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.csv.CsvReader;
import io.intelligencecrm.core.csv.CsvRecord;
import io.intelligencecrm.core.erasure.ErasedAddresses;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.text.NulCharacters;
import io.intelligencecrm.core.user.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Imports contacts from CSV. Every row passes the same field rules as the API; bad rows are
 * reported with their row number and never stop the good ones. Rows are written in batches, one
 * tenant transaction per batch, with set-based lookups, so 10,000 rows take seconds.
 */
public final class ContactImport {
    public static final int MAX_ROWS = 100_000;
    private static final int BATCH = 500;

    public enum OnDuplicate { SKIP, UPDATE }

    private final TenantTransactions transactions;
    private final ContactService contacts;
    private final AuditTrail audit;
    private final ChangeFeed changes;

    public ContactImport(TenantTransactions transactions, ContactService contacts, AuditTrail audit, ChangeFeed changes) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.audit = audit;
        this.changes = changes;
    }

    private record Candidate(int row, Map<String, Object> fields, String email, String companyName, String ownerEmail) {
    }

    private static final class Tally {
        int created;
        int updated;
        int skipped;
        int companiesCreated;
        final List<ImportReport.RejectedRow> rejected = new ArrayList<>();
    }

    public ImportReport run(Actor actor, String csv, Map<String, String> mapping, boolean dryRun, OnDuplicate onDuplicate) {
        return run(actor, csv, mapping, List.of(), dryRun, onDuplicate);
    }

    /**
     * @param mapping       column header to target: a contact field, {@code custom.<name>}, {@code ownerEmail},
     *                      {@code fullName} or {@code ignore}; unmapped columns are recognised or kept as attributes
     * @param missingValues cell values that mean "missing" in this file ("Select", "N/A", "-"), any case; such
     *                      cells are left empty like blank ones, and so are the tenant's declared ones
     */
    public ImportReport run(Actor actor, String csv, Map<String, String> mapping, List<String> missingValues,
                            boolean dryRun, OnDuplicate onDuplicate) {
        Permissions.requireWriter(actor);
        if (missingValues.size() > AttributeVocabulary.MAX_TOKENS) {
            throw CrmException.invalid("missingValues", "at most " + AttributeVocabulary.MAX_TOKENS + " values");
        }
        Set<String> missing = new HashSet<>(AttributeVocabulary.normalise(missingValues));
        missing.addAll(transactions.inTenant(actor.tenant(), AttributeVocabulary::missingTokens));
        List<CsvRecord> records = CsvReader.parse(csv == null ? "" : csv);
        if (records.size() < 2) throw CrmException.invalid("file", "needs a header row and at least one data row");
        if (records.size() - 1 > MAX_ROWS) {
            throw new CrmException(ErrorCode.TOO_LARGE, "At most " + MAX_ROWS + " rows per import; split the file");
        }
        List<String> header = records.getFirst().cells();
        if (header.stream().anyMatch(NulCharacters::in)) throw CrmException.invalid("file", "header: " + NulCharacters.MESSAGE);
        Violations mappingErrors = new Violations();
        Map<Integer, String> targets = ImportColumns.resolve(header, mapping == null ? Map.of() : mapping, mappingErrors);
        mappingErrors.throwIfAny();
        List<CsvRecord> rows = records.subList(1, records.size());
        Map<Integer, AttributeType> types = inferTypes(rows, targets, missing);

        Tally tally = new Tally();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        for (CsvRecord record : rows) {
            if (record.cells().size() > header.size()) {
                tally.rejected.add(new ImportReport.RejectedRow(record.row(), "has " + record.cells().size()
                        + " cells but the header has " + header.size() + " (check quoting)"));
                continue;
            }
            int nul = indexOfNul(record.cells());
            if (nul >= 0) {
                tally.rejected.add(new ImportReport.RejectedRow(record.row(), header.get(nul) + ": " + NulCharacters.MESSAGE));
                continue;
            }
            Candidate candidate = candidate(record, targets, types, missing, tally);
            if (candidate == null) continue;
            if (candidate.email() != null) {
                Integer earlier = firstRowOfEmail.putIfAbsent(candidate.email(), record.row());
                if (earlier != null) {
                    tally.rejected.add(new ImportReport.RejectedRow(record.row(), "same email as row " + earlier));
                    continue;
                }
            }
            candidates.add(candidate);
        }
        for (int start = 0; start < candidates.size(); start += BATCH) {
            List<Candidate> batch = candidates.subList(start, Math.min(candidates.size(), start + BATCH));
            transactions.useTenant(actor.tenant(), handle -> writeBatch(handle, actor, batch, dryRun, onDuplicate, tally));
        }
        tally.rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        Map<String, String> mappingReport = new LinkedHashMap<>();
        Map<String, AttributeType> attributeTypes = new LinkedHashMap<>();
        targets.forEach((index, target) -> {
            mappingReport.put(header.get(index), target);
            if (ImportColumns.isCustom(target)) attributeTypes.put(ImportColumns.attributeOf(target), types.get(index));
        });
        if (!dryRun) {
            Map<String, String> labels = new LinkedHashMap<>();
            targets.forEach((index, target) -> {
                if (ImportColumns.isCustom(target)) labels.put(ImportColumns.attributeOf(target), header.get(index).strip());
            });
            transactions.useTenant(actor.tenant(), handle -> AttributeVocabulary.saveLabels(handle, labels));
            audit.record(actor, "contact.import", "contact", null, Map.of("rows", rows.size(), "created", tally.created,
                    "updated", tally.updated, "skipped", tally.skipped, "rejected", tally.rejected.size()));
        }
        return new ImportReport(dryRun, rows.size(), tally.created, tally.updated, tally.skipped, tally.companiesCreated,
                List.copyOf(tally.rejected), mappingReport, attributeTypes);
    }

    private static int indexOfNul(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) if (NulCharacters.in(cells.get(i))) return i;
        return -1;
    }

    private static Map<Integer, AttributeType> inferTypes(List<CsvRecord> rows, Map<Integer, String> targets,
                                                          Set<String> missing) {
        Map<Integer, AttributeType> types = new HashMap<>();
        targets.forEach((index, target) -> {
            if (!ImportColumns.isCustom(target)) return;
            List<String> values = new ArrayList<>();
            for (CsvRecord row : rows) {
                if (index < row.cells().size() && !isMissing(row.cells().get(index), missing)) values.add(row.cells().get(index));
            }
            types.put(index, AttributeType.infer(values));
        });
        return types;
    }

    /** The row as API fields, validated by the contact rules; null (and a rejection) when invalid. */
    private static Candidate candidate(CsvRecord record, Map<Integer, String> targets, Map<Integer, AttributeType> types,
                                       Set<String> missing, Tally tally) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        String ownerEmail = null;
        for (Map.Entry<Integer, String> column : targets.entrySet()) {
            int index = column.getKey();
            String target = column.getValue();
            String value = index < record.cells().size() ? record.cells().get(index).trim() : "";
            if (isMissing(value, missing) || target.equals(ImportColumns.IGNORE)) continue;
            if (ImportColumns.isCustom(target)) {
                custom.put(ImportColumns.attributeOf(target), types.get(index).convert(value));
            } else if (target.equals(ImportColumns.OWNER_EMAIL)) {
                ownerEmail = value.toLowerCase(Locale.ROOT);
            } else if (target.equals(ImportColumns.FULL_NAME)) {
                int space = value.lastIndexOf(' ');
                fields.putIfAbsent("firstName", space < 0 ? value : value.substring(0, space));
                if (space > 0) fields.putIfAbsent("lastName", value.substring(space + 1));
            } else {
                fields.put(target, value);
            }
        }
        if (!custom.isEmpty()) fields.put("custom", custom);
        Violations violations = new Violations();
        Map<String, Object> values = ContactFields.read(new FieldReader(fields, ContactFields.NAMES, violations), violations);
        if (values.get("first_name") == null && values.get("last_name") == null && values.get("email") == null) {
            violations.add("lastName", "a contact needs a name or an email");
        }
        try {
            violations.throwIfAny();
        } catch (CrmException e) {
            tally.rejected.add(new ImportReport.RejectedRow(record.row(), describe(e.fieldErrors())));
            return null;
        }
        return new Candidate(record.row(), fields, (String) values.get("email"), (String) values.get("companyName"),
                ownerEmail);
    }

    private void writeBatch(Handle handle, Actor actor, List<Candidate> batch, boolean dryRun, OnDuplicate onDuplicate,
                            Tally tally) {
        Map<String, UUID> existing = existingContacts(handle, batch);
        Set<String> erased = ErasedAddresses.erased(handle, actor.tenant(),
                batch.stream().map(Candidate::email).filter(Objects::nonNull).toList());
        Map<String, UUID> owners = owners(handle, batch);
        Map<String, UUID> companies = companies(handle, actor, batch, dryRun, tally);
        List<Map<String, Object>> inserts = new ArrayList<>();
        for (Candidate candidate : batch) {
            UUID owner = actor.userId();
            if (candidate.ownerEmail() != null) {
                owner = owners.get(candidate.ownerEmail());
                if (owner == null) {
                    tally.rejected.add(new ImportReport.RejectedRow(candidate.row(), "ownerEmail: no active user "
                            + candidate.ownerEmail()));
                    continue;
                }
                if (actor.role() == Role.REP && !owner.equals(actor.userId())) {
                    tally.rejected.add(new ImportReport.RejectedRow(candidate.row(),
                            "ownerEmail: reps can only import contacts they own"));
                    continue;
                }
            }
            if (erased.contains(candidate.email())) {
                tally.rejected.add(new ImportReport.RejectedRow(candidate.row(),
                        "email: belongs to a person who was erased at their request; not imported"));
                continue;
            }
            UUID duplicate = candidate.email() == null ? null : existing.get(candidate.email());
            if (duplicate != null) {
                if (onDuplicate == OnDuplicate.SKIP) {
                    tally.skipped++;
                } else if (dryRun) {
                    tally.updated++;
                } else {
                    updateExisting(actor, duplicate, candidate, companies, tally);
                }
                continue;
            }
            Map<String, Object> values = ContactFields.read(new FieldReader(candidate.fields(), ContactFields.NAMES,
                    new Violations()), new Violations());
            values.remove("companyName");
            if (candidate.companyName() != null) values.put("company_id", companies.get(key(candidate.companyName())));
            values.put("owner_id", owner);
            inserts.add(values);
        }
        tally.created += inserts.size();
        if (dryRun || inserts.isEmpty()) return;
        List<UUID> ids = insertAll(handle, inserts);
        Map<UUID, Map<String, Object>> diffs = new LinkedHashMap<>();
        List<RecordChange> created = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            diffs.put(ids.get(i), RecordWrites.creationDiff(inserts.get(i)));
            created.add(new RecordChange("contact", ids.get(i), "created", Map.of("import", true), actor.userId()));
        }
        audit.recordAll(actor, "contact.create", "contact", diffs);
        changes.publishAll(actor.tenant(), created);
    }

    private void updateExisting(Actor actor, UUID id, Candidate candidate, Map<String, UUID> companies, Tally tally) {
        Map<String, Object> patch = new LinkedHashMap<>(candidate.fields());
        patch.remove("email");
        if (candidate.companyName() != null) {
            patch.remove("companyName");
            patch.put("companyId", companies.get(key(candidate.companyName())).toString());
        }
        try {
            contacts.update(actor, id, patch);
            tally.updated++;
        } catch (CrmException e) {
            tally.rejected.add(new ImportReport.RejectedRow(candidate.row(), e.fieldErrors().isEmpty()
                    ? e.getMessage() : describe(e.fieldErrors())));
        }
    }

    private static List<UUID> insertAll(Handle handle, List<Map<String, Object>> rows) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into contacts (tenant_id, company_id, owner_id, first_name, last_name, email, phone, title,
                                      lifecycle_stage, source, country, custom)
                values (crm_current_tenant(), :company_id, :owner_id, coalesce(:first_name, ''), coalesce(:last_name, ''),
                        :email, :phone, :title, coalesce(:lifecycle_stage, 'lead'), :source, :country,
                        coalesce(:custom, '{}'::jsonb))""");
        for (Map<String, Object> row : rows) {
            for (String column : List.of("company_id", "owner_id", "first_name", "last_name", "email", "phone", "title",
                    "lifecycle_stage", "source", "country")) {
                batch.bind(column, row.get(column));
            }
            batch.bind("custom", (Map<?, ?>) row.get("custom"));
            batch.add();
        }
        return batch.executePreparedBatch("id").mapTo(UUID.class).list();
    }

    private static Map<String, UUID> existingContacts(Handle handle, List<Candidate> batch) {
        String[] emails = batch.stream().map(Candidate::email).filter(e -> e != null).toArray(String[]::new);
        Map<String, UUID> existing = new HashMap<>();
        if (emails.length == 0) return existing;
        handle.createQuery("select email, id from contacts where deleted_at is null and email = any(:emails)")
                .bind("emails", emails).mapToMap()
                .forEach(row -> existing.put((String) row.get("email"), (UUID) row.get("id")));
        return existing;
    }

    private static Map<String, UUID> owners(Handle handle, List<Candidate> batch) {
        String[] emails = batch.stream().map(Candidate::ownerEmail).filter(e -> e != null).distinct().toArray(String[]::new);
        Map<String, UUID> owners = new HashMap<>();
        if (emails.length == 0) return owners;
        handle.createQuery("select lower(email) as email, id from users where active and lower(email) = any(:emails)")
                .bind("emails", emails).mapToMap()
                .forEach(row -> owners.put((String) row.get("email"), (UUID) row.get("id")));
        return owners;
    }

    /** Company ids by lower-case name; missing companies are created (not in a dry run: there they get placeholder ids). */
    private Map<String, UUID> companies(Handle handle, Actor actor, List<Candidate> batch, boolean dryRun, Tally tally) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Candidate candidate : batch) {
            if (candidate.companyName() != null) names.putIfAbsent(key(candidate.companyName()), candidate.companyName());
        }
        Map<String, UUID> ids = new HashMap<>();
        if (names.isEmpty()) return ids;
        handle.createQuery("""
                        select distinct on (lower(name)) lower(name) as key, id from companies
                         where deleted_at is null and lower(name) = any(:names) order by lower(name), created_at""")
                .bind("names", names.keySet().toArray(String[]::new)).mapToMap()
                .forEach(row -> ids.put((String) row.get("key"), (UUID) row.get("id")));
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (ids.containsKey(name.getKey())) continue;
            tally.companiesCreated++;
            if (dryRun) {
                ids.put(name.getKey(), UUID.randomUUID());
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", name.getValue());
            values.put("owner_id", actor.userId());
            UUID id = RecordWrites.insert(handle, "companies", values);
            audit.record(actor, "company.create", "company", id, Map.of("name", name.getValue(), "import", true));
            changes.publish(actor.tenant(), new RecordChange("company", id, "created", Map.of(), actor.userId()));
            ids.put(name.getKey(), id);
        }
        return ids;
    }

    private static boolean isMissing(String value, Set<String> missing) {
        return value.isBlank() || missing.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static String key(String companyName) {
        return companyName.trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder text = new StringBuilder();
        errors.forEach((field, message) -> text.append(text.isEmpty() ? "" : "; ").append(field).append(": ").append(message));
        return text.toString();
    }
}
