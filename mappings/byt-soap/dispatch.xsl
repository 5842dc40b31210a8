<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical case dispatch (XML form, urn:pakn-hub:case-dispatch:v2) → the Ministry of Health's
     TiepNhanPAKN SOAP request. Each file goes in base64 (NoiDungTep, xs:base64Binary) while the hub's inline
     budget lasts, and as a signed link (DuongDan, valid until HetHan) the ministry downloads with its own
     agency token; MaBam is its SHA-256, which the ministry checks. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:pakn-hub:case-dispatch:v2" exclude-result-prefixes="d">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/d:caseDispatch">
    <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
      <soap:Body>
        <TiepNhanPAKN xmlns="urn:byt:pakn:v1">
          <MaGiaoDich><xsl:value-of select="d:messageId"/></MaGiaoDich>
          <MaHoSo><xsl:value-of select="d:caseCode"/></MaHoSo>
          <VaiTro><xsl:value-of select="if (d:destination/d:role = 'LEAD') then 'ChuTri' else 'PhoiHop'"/></VaiTro>
          <TieuDe><xsl:value-of select="d:item/d:title"/></TieuDe>
          <NoiDung><xsl:value-of select="d:item/d:content"/></NoiDung>
          <LinhVuc><xsl:value-of select="d:classification/d:fieldCode"/></LinhVuc>
          <NgayTiepNhan><xsl:value-of select="d:item/d:receivedAt"/></NgayTiepNhan>
          <HoTenNguoiGui><xsl:value-of select="d:submitter/d:name"/></HoTenNguoiGui>
          <DiaChi><xsl:value-of select="d:submitter/d:address"/></DiaChi>
          <DienThoai><xsl:value-of select="d:submitter/d:phone"/></DienThoai>
          <Email><xsl:value-of select="d:submitter/d:email"/></Email>
          <SoTepDinhKem><xsl:value-of select="count(d:item/d:attachments/d:attachment)"/></SoTepDinhKem>
          <DanhSachTep>
            <xsl:for-each select="d:item/d:attachments/d:attachment">
              <TepDinhKem>
                <Ma><xsl:value-of select="d:id"/></Ma>
                <TenTep><xsl:value-of select="d:fileName"/></TenTep>
                <LoaiTep><xsl:value-of select="d:mediaType"/></LoaiTep>
                <KichThuoc><xsl:value-of select="d:size"/></KichThuoc>
                <MaBam><xsl:value-of select="d:sha256"/></MaBam>
                <xsl:if test="d:content"><NoiDungTep><xsl:value-of select="d:content"/></NoiDungTep></xsl:if>
                <xsl:if test="d:link">
                  <DuongDan><xsl:value-of select="d:link/d:href"/></DuongDan>
                  <HetHan><xsl:value-of select="d:link/d:expiresAt"/></HetHan>
                </xsl:if>
              </TepDinhKem>
            </xsl:for-each>
          </DanhSachTep>
        </TiepNhanPAKN>
      </soap:Body>
    </soap:Envelope>
  </xsl:template>
</xsl:stylesheet>
