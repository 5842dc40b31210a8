<?xml version="1.0" encoding="UTF-8"?>
<!-- The Ministry of Health's answer → hub reply. MaKetQua: 0 received, 2 already received,
     anything else refused (its ThongDiep says why). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:byt:pakn:v1" exclude-result-prefixes="b">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <xsl:variable name="r" select="//b:TiepNhanPAKNResponse"/>
    <reply>
      <xsl:choose>
        <xsl:when test="$r/b:MaKetQua = '0'"><outcome>ACCEPTED</outcome></xsl:when>
        <xsl:when test="$r/b:MaKetQua = '2'"><outcome>DUPLICATE</outcome></xsl:when>
        <xsl:when test="$r/b:MaKetQua">
          <outcome>REFUSED</outcome>
          <code>BYT_<xsl:value-of select="$r/b:MaKetQua"/></code>
          <message><xsl:value-of select="$r/b:ThongDiep"/></message>
          <retryable>false</retryable>
        </xsl:when>
        <xsl:otherwise><outcome>MALFORMED</outcome></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$r/b:SoBienNhan != ''">
        <externalReference><xsl:value-of select="$r/b:SoBienNhan"/></externalReference>
      </xsl:if>
    </reply>
  </xsl:template>
</xsl:stylesheet>
