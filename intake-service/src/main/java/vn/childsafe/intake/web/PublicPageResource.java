package vn.childsafe.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import vn.childsafe.commons.problem.ProblemExceptionMappers;
import vn.childsafe.commons.quota.Quotas;
import vn.childsafe.intake.config.PublicPageConfig;
import vn.childsafe.intake.report.ReportSubmission;
import vn.childsafe.intake.service.PublicReports;
import vn.childsafe.intake.service.ReportIntake;

/**
 * The public reporting page (trang phản ánh công khai) for children, parents and teachers, without an account:
 * the form, its confirmation with the tracking code, and the status look-up (docs/guide-public-page.md). CSRF
 * tokens are checked by quarkus-rest-csrf before a POST gets here; security headers are set for every
 * {@code /phan-anh} answer in application.properties (docs/security.md, "The public page").
 */
@Path("/phan-anh")
@Produces(MediaType.TEXT_HTML)
public class PublicPageResource {

    private static final Logger LOG = Logger.getLogger(PublicPageResource.class);
    private static final String NO_STORE = "no-store";

    @Inject
    PublicReports reports;

    @Inject
    Quotas quotas;

    @Inject
    PublicPageConfig config;

    @Inject
    Validator validator;

    @Inject
    MeterRegistry meters;

    @Context
    HttpServerRequest request;

    /** The pages; {@code errors} maps a field name (or {@code form}) to what is wrong with it. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                PublicReportForm form,
                Map<String, String> errors,
                List<PublicReportForm.Choice> categories,
                List<PublicReportForm.Choice> urgencies,
                List<PublicReportForm.Choice> relationships,
                List<PublicReportForm.Choice> ages,
                List<PublicReportForm.Choice> provinces,
                List<PublicReportForm.Choice> legacyProvinces);

        static native TemplateInstance accepted(String trackingCode);

        static native TemplateInstance status(
                String code, Map<String, String> errors, PublicReports.PublicStatus found);

        static native TemplateInstance tooMany(long retryAfterSeconds);

        static native TemplateInstance expired();
    }

    @GET
    public Response form() {
        return page(200, form(new PublicReportForm(), Map.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam PublicReportForm form) {
        OptionalLong wait =
                quotas.take("public-page/submit/" + ClientAddress.of(request), config.submissionsPerMinute());
        if (wait.isPresent()) {
            return tooMany("submit", wait.getAsLong());
        }
        if (form.filledByBot()) {
            refused("honeypot");
            LOG.info("Public page: a submission filled the field hidden from people; refused");
            return page(400, form(form, Map.of("form", "Chưa gửi được. Hãy tải lại trang rồi gửi lại, hoặc gọi 111.")));
        }
        Map<String, String> errors = form.check();
        ReportSubmission submission = errors.isEmpty() ? form.toSubmission() : null;
        if (submission != null) {
            errors = violations(validator.validate(submission));
        }
        if (!errors.isEmpty()) {
            refused("invalid");
            return page(400, form(form, errors));
        }
        ReportIntake.Accepted accepted = reports.submit(submission);
        LOG.infof("Public page: report %s accepted", accepted.reportId());
        return page(200, Templates.accepted(accepted.trackingCode()));
    }

    @GET
    @Path("tra-cuu")
    public Response statusForm() {
        return page(200, Templates.status("", Map.of(), null));
    }

    /** A POST, so that the tracking code is in no URL, browser history or proxy log. */
    @POST
    @Path("tra-cuu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookUp(@RestForm String code) {
        OptionalLong wait = quotas.take("public-page/status/" + ClientAddress.of(request), config.lookupsPerMinute());
        if (wait.isPresent()) {
            return tooMany("status", wait.getAsLong());
        }
        String normalised =
                code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        if (!normalised.startsWith("CS-") && normalised.length() == 9) {
            normalised = "CS-" + normalised;
        }
        if (!normalised.matches("CS-[0-9A-Z]{4}-[0-9A-Z]{4}")) {
            return page(
                    400,
                    Templates.status(
                            shown(code),
                            Map.of("code", "Mã theo dõi có dạng CS-XXXX-XXXX, ví dụ CS-7KQ4-M2XD."),
                            null));
        }
        String typed = normalised;
        return reports.status(normalised)
                .map(found -> page(200, Templates.status(typed, Map.of(), found)))
                .orElseGet(() -> page(
                        404,
                        Templates.status(
                                typed,
                                Map.of("code", "Không tìm thấy báo cáo có mã này. Hãy kiểm tra lại từng chữ."),
                                null)));
    }

    private static TemplateInstance form(PublicReportForm form, Map<String, String> errors) {
        return Templates.form(
                form,
                errors,
                PublicReportForm.CATEGORIES,
                PublicReportForm.URGENCIES,
                PublicReportForm.RELATIONSHIPS,
                PublicReportForm.AGES,
                PublicReportForm.provinces(),
                PublicReportForm.legacyProvinces());
    }

    private Response tooMany(String what, long retryAfter) {
        refused("quota-" + what);
        LOG.warn("Public page: a client address is over its quota; answered 429");
        return Response.fromResponse(page(429, Templates.tooMany(retryAfter)))
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .build();
    }

    private void refused(String reason) {
        meters.counter("childsafe.public_page.refused", "reason", reason).increment();
    }

    /**
     * The intake constraints on what the form became, as a safety net behind {@link PublicReportForm#check()}: a
     * violation lands on the form field it came from.
     */
    private static Map<String, String> violations(Set<ConstraintViolation<ReportSubmission>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ReportSubmission> violation : violations) {
            String pointer = ProblemExceptionMappers.pointer(violation);
            String field = pointer.startsWith("/reporter/")
                    ? pointer.substring("/reporter/".length())
                    : pointer.startsWith("/content")
                            ? "links"
                            : pointer.startsWith("/location")
                                    ? "commune"
                                    : pointer.startsWith("/description") ? "description" : "form";
            errors.putIfAbsent(field, "Thông tin này chưa đúng, hãy sửa lại.");
        }
        return errors;
    }

    /** Echoes a typed code back into its field, cut short so a huge value cannot bloat the page. */
    private static String shown(String code) {
        return code == null
                ? ""
                : code.strip().substring(0, Math.min(code.strip().length(), 20));
    }

    private static Response page(int status, TemplateInstance page) {
        // Pages may hold a tracking code or what was typed: no cache may keep them.
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(page)
                .build();
    }
}
