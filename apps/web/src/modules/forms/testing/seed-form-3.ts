/** Test data: GET /api/forms/:id of the seed's form 3 (网络信息系统运行与维护), as the demo API answers it. */
import type { GoalForm } from '@jxt/contracts';

export const SEED_FORM_3: GoalForm = {
  "id": "25035b76-afe9-4b96-8954-309dcc15f944",
  "year": 2021,
  "revision": 1,
  "status": "draft",
  "rowVersion": 1,
  "locked": false,
  "carriedFrom": null,
  "project": {
    "id": "bb913256-14da-4bf8-b7c5-d15cce6e9ae5",
    "organizationId": "02e5a0e7-31e5-4cd4-9431-43904387de7f",
    "organizationName": "上海市松江区科技创新服务中心（上海市松江区大数据中心）",
    "code": "2021-KCZX-003",
    "name": "网络信息系统运行与维护",
    "categoryCode": "recurring",
    "continuity": null,
    "functionClassCode": "2060103",
    "printedDepartment": null,
    "printedImplementingUnit": null,
    "plannedStart": "2021-01-01",
    "plannedEnd": "2022-12-31",
    "categoryLabel": "经常性项目",
    "functionClassLabel": "机关服务"
  },
  "funds": {
    "totalAmount": "8927300.00",
    "fiscalAmount": "8927300.00",
    "otherAmount": "0.00",
    "annualAmount": "8927300.00",
    "annualFiscalAmount": "8927300.00",
    "carryOverAmount": "0.00",
    "annualOtherAmount": "0.00"
  },
  "totalGoal": "1、电子政务光纤租用费：为全区电子政务OA、一网通办、视频图像传输提供网络保障。\n2、村居通网络租用费：为全区村居委的电子公文、一网通办、视频图像传输提供网络保障\n3、区政务外网运行维护费：为全区政务外网的电子公文、一网通办、视频图像传输的网络运行提供保障。\n4、区网站群安全服务项目：为全区托管在区核心机房的网站提供定期的网站安全扫描。\n5、软硬件维保费：全年核心网络及安全、服务器存储运行稳定正常，出现故障在4小时内及时修复。\n6、机房环境维护费：全年机房环境温湿度及电源不间断，设备正常运行。\n7、全区统一办公门户维护：确保区办公门户的安全、可靠、高效运行。\n8、松江区政务网互联网出口带宽备线扩容租费：通过网络的主备设置、路由倒换、负载均衡等技术手段更有效地保障出口带宽的整体安全可靠性，可满足近期政务网出口带宽扩容需求，对访问第三方网络上的内容也将有较大体验改善。\n9、科技创新与产业发展专项资金项目申报服务平台运维及服务费、专家库模块开发费：实现了本区资金项目审批的信息化流转和数字化管理，建立了本区产业专项扶持资金的统一申报和管理流程。",
  "annualGoal": "1、电子政务光纤租用费：全年度无重大的网站中断事故。\n2、村居通网络租用费：全年度无重大的网站中断事故。\n3、区政务外网运行维护费：全年度无重大的网站中断及运行安全事故。\n4、区网站群安全服务项目：全年度无重大的网站安全事故。\n5、软硬件维保费：全年核心网络及安全、服务器存储运行稳定正常，出现故障在4小时内及时修复。\n6、机房环境维护费：全年机房环境温湿度及电源不间断，设备正常运行，出现故障在4小时内及时修复。\n7、全区统一办公门户维护：全年度无重大的平台使用故障。\n8、松江区政务网互联网出口带宽备线扩容租费： 全年度无重大的网络中断事故。\n9、科技创新与产业发展专项资金项目申报服务平台运维及服务费、专家库模块开发费：确保所有用户完成申报项目线上操作，确保完成各委办局资金模板的修改和新增，完成专家库的模块开发。",
  "goalPeriodStart": 2021,
  "goalPeriodEnd": 2021,
  "indicators": {
    "year": [
      {
        "code": "output",
        "label": "产出指标",
        "children": [
          {
            "code": "quantity",
            "label": "数量指标",
            "indicators": [
              {
                "id": "4db8b62a-ffec-4890-8a54-c777df5a5a08",
                "name": "全年度是否有重大的网站中断事故",
                "rawValue": "否",
                "target": {
                  "kind": "boolean",
                  "value": false
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "bd84d4ae-44aa-4ae3-8953-313b3e8b881a",
                "name": "全年核心网络及安全、服务器存储运行是否稳定正常",
                "rawValue": "是",
                "target": {
                  "kind": "boolean",
                  "value": true
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "523a36da-c2b6-46aa-bf00-2bcaf9dac934",
                "name": "全年机房环境温湿度及电源是否不间断，设备是否正常运行",
                "rawValue": "是",
                "target": {
                  "kind": "boolean",
                  "value": true
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "7c769f9a-b6a5-47f4-b5b8-b5ecb024594b",
                "name": "是否完成各委办局资金模板的修改和新增",
                "rawValue": "是",
                "target": {
                  "kind": "boolean",
                  "value": true
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "fce21830-f3ca-425f-a9a5-9ad8b9960f9d",
                "name": "是否完成专家库的模块开发",
                "rawValue": "是",
                "target": {
                  "kind": "boolean",
                  "value": true
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          },
          {
            "code": "quality",
            "label": "质量指标",
            "indicators": [
              {
                "id": "f2e780e3-748e-466d-b400-3c3024643aa0",
                "name": "项目验收合格率",
                "rawValue": "=100%",
                "target": {
                  "kind": "quantitative",
                  "operator": "eq",
                  "value": "100",
                  "unit": "%"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          },
          {
            "code": "timeliness",
            "label": "时效指标",
            "indicators": [
              {
                "id": "05b60402-f3fe-4aeb-bbb6-fa6352db7f76",
                "name": "项目完成及时率",
                "rawValue": "及时",
                "target": {
                  "kind": "qualitative",
                  "text": "及时"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          }
        ]
      },
      {
        "code": "benefit",
        "label": "效益指标",
        "children": [
          {
            "code": "social",
            "label": "社会效益指标",
            "indicators": [
              {
                "id": "87bbaf2e-e54a-476d-b9fb-e0350537b82f",
                "name": "信息化程度",
                "rawValue": "提升",
                "target": {
                  "kind": "qualitative",
                  "text": "提升"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "c00d8343-996e-4053-b20b-3bd4dae7ef23",
                "name": "信息公开",
                "rawValue": "公开",
                "target": {
                  "kind": "qualitative",
                  "text": "公开"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "191ed2ab-ac84-4030-8708-4dd84d7e5983",
                "name": "网络运行情况",
                "rawValue": "良好",
                "target": {
                  "kind": "qualitative",
                  "text": "良好"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          },
          {
            "code": "sustainable",
            "label": "可持续影响指标",
            "indicators": [
              {
                "id": "cd58a42e-daab-4061-97a9-4d53a5e6cb36",
                "name": "投诉率",
                "rawValue": "=0%",
                "target": {
                  "kind": "quantitative",
                  "operator": "eq",
                  "value": "0",
                  "unit": "%"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "8ea5ccc7-dd48-45e4-a4a3-8ea45c7bf87d",
                "name": "设备投资计划完成率",
                "rawValue": "=100%",
                "target": {
                  "kind": "quantitative",
                  "operator": "eq",
                  "value": "100",
                  "unit": "%"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          }
        ]
      },
      {
        "code": "satisfaction",
        "label": "满意度指标",
        "children": [
          {
            "code": "service_satisfaction",
            "label": "服务对象满意度指标",
            "indicators": [
              {
                "id": "0a5bcf38-1e48-4754-a6cf-29802caa753a",
                "name": "公众满意度",
                "rawValue": "满意",
                "target": {
                  "kind": "qualitative",
                  "text": "满意"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "f3134959-edd2-4253-a23a-3cf1e2f3c256",
                "name": "长效管理制度健全情况",
                "rawValue": "健全",
                "target": {
                  "kind": "qualitative",
                  "text": "健全"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              },
              {
                "id": "21083c97-e6a9-490c-a70e-0d0dfbee87b1",
                "name": "机关工作人员满意度",
                "rawValue": "满意",
                "target": {
                  "kind": "qualitative",
                  "text": "满意"
                },
                "warning": null,
                "weight": null,
                "scoringNotes": null,
                "explanation": null,
                "remark": null
              }
            ]
          }
        ]
      }
    ],
    "longTerm": null
  },
  "issues": [
    {
      "field": "project.printedDepartment",
      "severity": "warning",
      "code": "project.blank",
      "message": "主管部门未填写"
    },
    {
      "field": "project.printedImplementingUnit",
      "severity": "warning",
      "code": "project.blank",
      "message": "实施单位未填写"
    }
  ],
  "updatedAt": "2026-11-27T11:15:24.495Z",
  "updatedBy": null,
  "submittedBy": null,
  "reviewResult": null,
  "reviewComment": null,
  "latestReview": null,
  "submission": null,
  "revisions": [],
  "evaluationId": null
};
