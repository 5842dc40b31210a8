<?xml version="1.0" encoding="UTF-8"?>
<!-- A step on the hub's side (status update sent by the hub, XML form urn:pakn-hub:status-update:v1)
     → the Ministry of Health's CapNhatPAKN SOAP request. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="urn:pakn-hub:status-update:v1" exclude-result-prefixes="u">
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
        </CapNhatPAKN>
      </soap:Body>
    </soap:Envelope>
  </xsl:template>
</xsl:stylesheet>
