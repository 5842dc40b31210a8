<?xml version="1.0" encoding="UTF-8"?>
<!-- A step on the hub's side (status update sent by the hub, XML form urn:pakn-hub:status-update:v2;
     a supplement's documents in DanhSachTep like the dispatch's files)
     → the Ministry of Health's CapNhatPAKN SOAP request. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="urn:pakn-hub:status-update:v2" exclude-result-prefixes="u">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/u:statusUpdate">
    <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
      <soap:Body>
        <CapNhatPAKN xmlns="urn:byt:pakn:v1">
          <MaGiaoDich><xsl:value-of select="u:messageId"/></MaGiaoDich>
          <MaHoSo><xsl:value-of select="u:caseCode"/></MaHoSo>
          <SoTiepNhan><xsl:value-of select="u:externalReference"/></SoTiepNhan>
          <SoThuTu><xsl:value-of select="u:sequence"/></SoThuTu>
          <SuKien><xsl:value-of select="u:status"/></SuKien>
          <NoiDung><xsl:value-of select="u:reason"/></NoiDung>
          <ThoiDiem><xsl:value-of select="u:occurredAt"/></ThoiDiem>
          <DanhSachTep>
            <xsl:for-each select="u:attachments/u:attachment">
              <TepDinhKem>
                <Ma><xsl:value-of select="u:id"/></Ma>
                <TenTep><xsl:value-of select="u:fileName"/></TenTep>
                <LoaiTep><xsl:value-of select="u:mediaType"/></LoaiTep>
                <KichThuoc><xsl:value-of select="u:size"/></KichThuoc>
                <MaBam><xsl:value-of select="u:sha256"/></MaBam>
                <xsl:if test="u:content"><NoiDungTep><xsl:value-of select="u:content"/></NoiDungTep></xsl:if>
                <xsl:if test="u:link">
                  <DuongDan><xsl:value-of select="u:link/u:href"/></DuongDan>
                  <HetHan><xsl:value-of select="u:link/u:expiresAt"/></HetHan>
                </xsl:if>
              </TepDinhKem>
            </xsl:for-each>
          </DanhSachTep>
        </CapNhatPAKN>
      </soap:Body>
    </soap:Envelope>
  </xsl:template>
</xsl:stylesheet>
