<?xml version="1.0" encoding="UTF-8"?>
<!-- The Ministry of Health's status message (CapNhatTrangThaiPAKN, in a SOAP envelope) → the canonical
     status update, XML form (schemas/messages/status-update.v1.xsd). A status missing from the table
     leaves <status> out: the hub parks the update for an operator instead of guessing. Empty optional
     elements are left out, as the XSD wants. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:byt:pakn:v1" xmlns="urn:pakn-hub:status-update:v1" exclude-result-prefixes="b">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:variable name="statuses" select="map {
      'TIEP_NHAN_TIN': 'RECEIVED',
      'DA_TIEP_NHAN': 'ACCEPTED',
      'TU_CHOI': 'REJECTED',
      'YEU_CAU_BO_SUNG': 'SUPPLEMENT_REQUESTED',
      'DANG_XU_LY': 'IN_PROGRESS',
      'DE_NGHI_PHOI_HOP': 'COORDINATION_REQUESTED',
      'KET_THUC_PHOI_HOP': 'COORDINATION_ENDED',
      'CAP_NHAT_TIEN_DO': 'PROGRESS_UPDATE',
      'DA_CO_KET_QUA': 'RESULT_POSTED',
      'TRA_LAI_VPTW': 'RETURNED_TO_CENTRAL_OFFICE',
      'KET_THUC_NHANH': 'FAST_CLOSED',
      'CHUYEN_DON_VI': 'FORWARDED',
      'DA_TRA_LOI_PHUC_DAP': 'APPEAL_ANSWERED'}"/>
  <xsl:template match="/">
    <xsl:variable name="m" select="//b:CapNhatTrangThaiPAKN"/>
    <xsl:variable name="code" select="normalize-space($m/b:TrangThai)"/>
    <statusUpdate>
      <schema>pakn-hub/status-update/v1</schema>
      <messageId><xsl:value-of select="normalize-space($m/b:MaThongDiep)"/></messageId>
      <caseCode><xsl:value-of select="normalize-space($m/b:MaHoSoHub)"/></caseCode>
      <system>byt-soap</system>
      <agency><xsl:value-of select="normalize-space($m/b:MaDonVi)"/></agency>
      <xsl:if test="normalize-space($m/b:SoBienNhan)">
        <externalReference><xsl:value-of select="normalize-space($m/b:SoBienNhan)"/></externalReference>
      </xsl:if>
      <sequence><xsl:value-of select="normalize-space($m/b:SoThuTu)"/></sequence>
      <xsl:if test="map:contains($statuses, $code)" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
        <status><xsl:value-of select="$statuses($code)"/></status>
      </xsl:if>
      <externalStatus><xsl:value-of select="$code"/></externalStatus>
      <xsl:if test="normalize-space($m/b:DonViChuyenDen)">
        <targetAgency><xsl:value-of select="normalize-space($m/b:DonViChuyenDen)"/></targetAgency>
      </xsl:if>
      <xsl:if test="normalize-space($m/b:LyDo)">
        <reason><xsl:value-of select="normalize-space($m/b:LyDo)"/></reason>
      </xsl:if>
      <occurredAt><xsl:value-of select="normalize-space($m/b:ThoiDiem)"/></occurredAt>
      <xsl:if test="normalize-space($m/b:CanBoXuLy)">
        <handler><xsl:value-of select="normalize-space($m/b:CanBoXuLy)"/></handler>
      </xsl:if>
    </statusUpdate>
  </xsl:template>
</xsl:stylesheet>
