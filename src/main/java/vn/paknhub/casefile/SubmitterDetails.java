package vn.paknhub.casefile;

/** The submitter's identity and contact (Đ8.2): personal data, encrypted at rest. */
public record SubmitterDetails(String fullName, String organisation, String address, String phone, String email,
        String idNumber) {
}
