O
ORD-1001ÀÒøÏß1 qÔõ_rúûFŠ9P|€Kt1dˆtMvKidv"DE*	SKU-RED-S08â	BEURH¦P
ORD-1002ê™°Ðß1 hk^Lôùc­øõh¤€(ï½ú3_‚y£ÑgŒ–"US*
SKU-BLUE-M08ÏBUSDH¯Q
ORD-1003€ùÿùß1 ä9rÍ>i’Íœ°.òÃ»Á¡–KüÐÆÏÈH²Ê"GB*SKU-GREEN-L08ÁBGBPHòN
ORD-1004ÿ÷ðŒà1 :`ÑUÛê¹g~†Þår;f4ô1`úŸÌŽ‹_ˆPX+"FR*	SKU-RED-S0
8cBEURHÞ